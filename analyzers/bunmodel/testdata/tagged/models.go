// Package tagged declares tag-only models without importing Bun; its
// .schemalint.yml says models: {tagged: true}, so they are models.
package tagged

// Widget is a model by configuration.
type Widget struct {
	ID   int64  `bun:"id,pk,autoincrement"`
	Name string `bun:"name,notnull"`
}

// Part is embedded by Gadget: a mixin even with tagged: true.
type Part struct {
	Serial string `bun:"serial"`
}

// Gadget is a model by configuration.
type Gadget struct {
	Part
	ID int64 `bun:"id,pk"`
}
