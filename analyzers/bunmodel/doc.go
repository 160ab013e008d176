// Package bunmodel reads Bun models from go/types exactly as Bun v1.3.0's
// schema package reads them with reflect: which structs are models
// (bun.BaseModel embedded, directly or through embedded structs), their
// table name and alias, and their effective columns after embedding,
// embed: prefixes, extend, shadowing and bun:"-" — with the tag parsed by
// a copy of Bun's own grammar (ParseTag), the CREATE TABLE type per
// dialect (Field.CreateTableType) and the relations resolved as Bun
// resolves them on first use, including the problems Bun would panic on.
//
// The Bun-agrees test (agree_test.go) compares this reading with Bun's
// own reflection for every reference model and a fixture package of edge
// cases, on every dialect; FuzzParseTag compares the tag parser with a
// verbatim copy of Bun's.
//
// Analyzer runs the reader over a package for go/analysis drivers, keeps
// the syntax rules need (positions, tags to fix), parses
// //schemalint:index directives, and exports a ModelFact per model so that
// packages importing the models (migrations) see them.
package bunmodel
