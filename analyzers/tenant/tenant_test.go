package tenant_test

import (
	"testing"

	"github.com/schemalint/schemalint/analyzers/lint/linttest"
	"github.com/schemalint/schemalint/analyzers/tenant"
)

func TestTenantColumns(t *testing.T) { linttest.Run(t, tenant.Rule) }
