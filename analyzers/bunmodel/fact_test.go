package bunmodel_test

import (
	"bytes"
	"encoding/gob"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/schemalint/schemalint/analyzers/bunmodel"
)

// TestModelFactDeterministic: a fact encodes to the same bytes every time
// and decodes to what was encoded. (analysistest's sanity check panics on
// a fact that fails this, as soon as a fixture imports a model package.)
func TestModelFactDeterministic(t *testing.T) {
	fact := &bunmodel.ModelFact{Table: "users", Alias: "u", Columns: []bunmodel.ColumnFact{{
		Name: "id", FieldPath: []string{"ID"}, GoType: "github.com/rs/xid.ID", PK: true,
	}}, Indexes: []bunmodel.IndexFact{{Name: "i", Parts: "a", Columns: []string{"a"}, Dialects: []string{"pg"}}}}
	encode := func() []byte {
		var buf bytes.Buffer
		if err := gob.NewEncoder(&buf).Encode(fact); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := encode()
	for range 50 {
		if !bytes.Equal(encode(), first) {
			t.Fatal("ModelFact encodes nondeterministically")
		}
	}
	var back bunmodel.ModelFact
	if err := gob.NewDecoder(bytes.NewReader(first)).Decode(&back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(fact, &back); diff != "" {
		t.Fatalf("decoded fact differs (-sent +received):\n%s", diff)
	}
}
