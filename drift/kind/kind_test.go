package kind

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// The README's table of finding kinds is Markdown's output, so the
// README, `schemalint rules DR003` and SARIF's rule list say the same.
func TestKindsREADME(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), Markdown()) {
		t.Errorf("README.md's drift findings table differs from kind.All; replace it with:\n%s", Markdown())
	}
	for i, k := range All {
		if want := fmt.Sprintf("DR%03d", i+1); k.ID != want || k.Kind.ID() != want {
			t.Errorf("Kinds[%d] is %s (%s), want %s", i, k.ID, k.Kind, want)
		}
		if k.Summary == "" || k.Severity == "" || k.Repair == "" || k.Default.Rank() == 0 {
			t.Errorf("%s is not fully documented: %+v", k.ID, k)
		}
	}
}
