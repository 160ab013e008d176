package drift

import (
	"strings"
	"testing"
)

// TestOrderByReferences: new tables come after the new tables they
// reference (an m2m join table after both sides, a chain in its order),
// as does a foreign key added to an existing table that references a new
// one; a cycle does not loop, and everything else keeps its order.
func TestOrderByReferences(t *testing.T) {
	fs := []Finding{
		{Kind: TableMissing, Table: "account_tags", refs: []string{"accounts", "tags"}},
		{Kind: ColumnMissing, Table: "accounts", Column: "bio"},
		{Kind: FKMissing, Table: "accounts", Object: "accounts:accounts_team_id_fkey", refs: []string{"teams"}},
		{Kind: TableMissing, Table: "tags", refs: []string{"tag_groups"}},
		{Kind: TableMissing, Table: "tag_groups"},
		{Kind: TableMissing, Table: "teams", refs: []string{"teams", "users"}},
		{Kind: TableMissing, Table: "users", refs: []string{"teams"}},
	}
	orderByReferences(fs)
	sortFindings(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Table+"/"+f.Kind.ID())
	}
	want := "accounts/DR003 tag_groups/DR001 users/DR001 tags/DR001 teams/DR001 account_tags/DR001 accounts/DR013"
	if strings.Join(got, " ") != want {
		t.Errorf("order:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
}
