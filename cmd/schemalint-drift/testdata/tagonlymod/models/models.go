// Package models has bun tags but does not import Bun: the application
// registers the structs elsewhere and relies on Bun's default naming.
package models

// Person maps to table people under Bun's default naming.
type Person struct {
	ID   int64  `bun:"id,pk,autoincrement"`
	Name string `bun:"name,notnull"`
}
