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

func errorsAs[T error](err error, target *T) bool { return errors.As(err, target) }
