package drift

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// The README's table of finding kinds is KindsMarkdown's output, so the
// README, `schemalint rules DR003` and SARIF's rule list say the same.
func TestKindsREADME(t *testing.T) {
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), KindsMarkdown()) {
		t.Errorf("README.md's drift findings table differs from drift.Kinds; replace it with:\n%s", KindsMarkdown())
	}
	for i, k := range Kinds {
		if want := fmt.Sprintf("DR%03d", i+1); k.ID != want || k.Kind.ID() != want {
			t.Errorf("Kinds[%d] is %s (%s), want %s", i, k.ID, k.Kind, want)
		}
		if k.Summary == "" || k.Severity == "" || k.Repair == "" || k.Default.Rank() == 0 {
			t.Errorf("%s is not fully documented: %+v", k.ID, k)
		}
	}
}
