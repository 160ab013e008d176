package load

import (
	"encoding/json"
	"errors"
	"testing"
)

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func errorsAsCompile(err error, target **CompileError) bool {
	ce, ok := errors.AsType[*CompileError](err)
	*target = ce
	return ok
}
