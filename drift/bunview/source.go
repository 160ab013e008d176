package bunview

import _ "embed" // for Source

// Source is the text of view.go. schemalint drift writes it, as package
// main, next to the program it generates inside the user's module, so that
// the command and the library read models with the same code.
//
//go:embed view.go
var Source string
