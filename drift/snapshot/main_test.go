package snapshot_test

import (
	"os"
	"testing"

	"github.com/schemalint/schemalint/internal/testdb"
)

// TestMain lists the tests skipped for want of a database, and fails the
// run for them unless they are accepted.
func TestMain(m *testing.M) { os.Exit(testdb.Main(m)) }
