package ddl

import "strings"

// drop parses DROP INDEX and DROP TABLE; it returns nil for the other DROP
// statements.
func (p *parser) drop() Statement {
	p.expectWords("DROP")
	temp := p.acceptAnyWord("TEMPORARY", "TEMP") != ""
	switch {
	case p.isWord("TABLE"):
		p.kind = "DROP TABLE"
		p.next()
		dt := &DropTable{Temporary: temp, IfExists: p.acceptWords("IF", "EXISTS")}
		dt.Names = p.nameSeq("table name")
		dt.Behavior = p.behavior()
		p.expectEnd()
		dt.Pos = p.stmtPos()
		return dt
	case p.isWord("INDEX") && !temp:
		p.kind = "DROP INDEX"
		p.next()
		di := &DropIndex{}
		if p.isWord("CONCURRENTLY") {
			p.only("CONCURRENTLY", Postgres)
			p.next()
			di.Concurrently = true
		}
		di.IfExists = p.acceptWords("IF", "EXISTS")
		di.Names = p.nameSeq("index name")
		if p.isWord("ON") {
			p.only("DROP INDEX ... ON", MySQL)
			p.next()
			di.Table = p.objectName("table name")
			di.Options = p.rest()
		}
		di.Behavior = p.behavior()
		p.expectEnd()
		if len(di.Names) > 1 && p.d != Postgres {
			p.failAt(di.Names[1].Offset, "dropping several indexes in one DROP INDEX is PostgreSQL syntax, not "+dialectTitle(p.d))
		}
		di.Pos = p.stmtPos()
		return di
	}
	return nil
}

// nameSeq reads "name, name, ...".
func (p *parser) nameSeq(what string) []Name {
	var names []Name
	for {
		names = append(names, p.objectName(what))
		if !p.acceptPunct(',') {
			return names
		}
	}
}

// objectWords are the words after CREATE, ALTER or DROP that name what
// kind of object a statement is about; the values are second words that
// belong to the kind (MATERIALIZED VIEW).
var objectWords = map[string][]string{
	"TABLE": nil, "INDEX": nil, "VIEW": nil, "FUNCTION": nil, "PROCEDURE": nil,
	"TRIGGER": nil, "SEQUENCE": nil, "SCHEMA": nil, "DATABASE": nil, "EXTENSION": nil,
	"TYPE": nil, "DOMAIN": nil, "ROLE": nil, "USER": nil, "POLICY": nil, "RULE": nil,
	"SERVER": nil, "AGGREGATE": nil, "COLLATION": nil, "PUBLICATION": nil,
	"SUBSCRIPTION": nil, "TABLESPACE": nil, "STATISTICS": nil, "CAST": nil,
	"LANGUAGE": nil, "CONVERSION": nil, "GROUP": nil, "OPERATOR": {"CLASS", "FAMILY"},
	"MATERIALIZED": {"VIEW"}, "FOREIGN": {"TABLE", "DATA"}, "TEXT": {"SEARCH"},
	"EVENT": {"TRIGGER"}, "ACCESS": {"METHOD"}, "DEFAULT": {"PRIVILEGES"},
	"VIRTUAL": {"TABLE"},
}

// leadingKeywords names a statement by its first keywords: CREATE, ALTER
// and DROP with the kind of object ("CREATE FUNCTION", "DROP VIEW"),
// "COMMENT ON", or else the first word alone. It looks at a bounded
// number of tokens.
func leadingKeywords(src string, toks []token) string {
	if len(toks) == 0 || toks[0].kind != tWord {
		return ""
	}
	word := func(i int) string {
		if i < len(toks) && toks[i].kind == tWord {
			return strings.ToUpper(src[toks[i].start:toks[i].end])
		}
		return ""
	}
	verb := word(0)
	switch verb {
	case "COMMENT":
		if word(1) == "ON" {
			return "COMMENT ON"
		}
	case "CREATE", "ALTER", "DROP":
		for i := 1; i < len(toks) && i < 12; i++ {
			w := word(i)
			seconds, ok := objectWords[w]
			if !ok {
				continue
			}
			for _, s := range seconds {
				if word(i+1) == s {
					return verb + " " + w + " " + s
				}
			}
			return verb + " " + w
		}
		if w := word(1); w != "" {
			return verb + " " + w
		}
	}
	return verb
}
