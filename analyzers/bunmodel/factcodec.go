package bunmodel

import (
	"bytes"
	"encoding/gob"
	"maps"
	"slices"
)

// DialectTypes maps a dialect ("pg", "mysql", "sqlite") to a column type.
// It encodes its entries in key order: a fact must encode to the same
// bytes every time (the analysis drivers check, and build caches key on
// the bytes), and gob writes maps in random order.
type DialectTypes map[string]string

// GobEncode encodes the entries as key, value pairs sorted by key.
func (m DialectTypes) GobEncode() ([]byte, error) {
	pairs := make([]string, 0, 2*len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		pairs = append(pairs, k, m[k])
	}
	var buf bytes.Buffer
	err := gob.NewEncoder(&buf).Encode(pairs)
	return buf.Bytes(), err
}

// GobDecode is GobEncode's inverse.
func (m *DialectTypes) GobDecode(b []byte) error {
	var pairs []string
	if err := gob.NewDecoder(bytes.NewReader(b)).Decode(&pairs); err != nil {
		return err
	}
	*m = make(DialectTypes, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		(*m)[pairs[i]] = pairs[i+1]
	}
	return nil
}
