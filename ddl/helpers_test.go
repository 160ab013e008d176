package ddl

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

var (
	posType  = reflect.TypeFor[Pos]()
	nameType = reflect.TypeFor[Name]()
	exprType = reflect.TypeFor[Expr]()
)

// summary renders a parsed value compactly and deterministically for
// comparison in tests: struct fields that are zero, positions and Raw
// texts are left out (checkPositions checks those); a Name is its real
// name in quotes, prefixed with q when it was quoted; an Expr is its Text
// in quotes; a value held in an interface carries its type name.
func summary(v any) string {
	var b strings.Builder
	writeSummary(&b, reflect.ValueOf(v), true)
	return b.String()
}

func writeSummary(b *strings.Builder, v reflect.Value, typed bool) {
	switch v.Kind() {
	case reflect.Interface:
		writeSummary(b, v.Elem(), true)
		return
	case reflect.Pointer:
		writeSummary(b, v.Elem(), typed)
		return
	}
	switch v.Type() {
	case nameType:
		n := v.Interface().(Name)
		if n.Quoted {
			b.WriteString("q")
		}
		b.WriteString(strconv.Quote(n.String()))
		return
	case exprType:
		b.WriteString(strconv.Quote(v.Interface().(Expr).Text))
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		if typed {
			b.WriteString(v.Type().Name())
		}
		b.WriteString("{")
		sep := ""
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			fv := v.Field(i)
			if f.Type == posType || f.Name == "Raw" || fv.IsZero() {
				continue
			}
			b.WriteString(sep + f.Name + ":")
			writeSummary(b, fv, false)
			sep = " "
		}
		b.WriteString("}")
	case reflect.Slice:
		b.WriteString("[")
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b.WriteString(" ")
			}
			writeSummary(b, v.Index(i), false)
		}
		b.WriteString("]")
	case reflect.String:
		b.WriteString(strconv.Quote(v.String()))
	default:
		if s, ok := reflect.TypeAssert[fmt.Stringer](v); ok {
			b.WriteString(strconv.Quote(s.String()))
			return
		}
		fmt.Fprint(b, v.Interface())
	}
}

// checkPositions checks every position in stmts against src: each lies
// within src and within the node that holds it, statements come in order
// without overlapping, and every Raw and Text field is exactly the source
// text of its node. It returns the problems found.
func checkPositions(src string, stmts []Statement) []string {
	var errs []string
	prevEnd := 0
	for i, st := range stmts {
		p := st.Position()
		if p.Offset < prevEnd {
			errs = append(errs, fmt.Sprintf("statement %d starts at %d, before the previous one ends (%d)", i, p.Offset, prevEnd))
		}
		prevEnd = p.End
		walkPositions(src, reflect.ValueOf(st), Pos{0, len(src)}, fmt.Sprintf("stmt[%d]", i), &errs)
	}
	return errs
}

func walkPositions(src string, v reflect.Value, outer Pos, path string, errs *[]string) {
	switch v.Kind() {
	case reflect.Interface, reflect.Pointer:
		if !v.IsNil() {
			walkPositions(src, v.Elem(), outer, path, errs)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walkPositions(src, v.Index(i), outer, fmt.Sprintf("%s[%d]", path, i), errs)
		}
	case reflect.Struct:
		if v.Type() == posType {
			return
		}
		pf := v.FieldByName("Pos")
		if !pf.IsValid() || pf.Type() != posType {
			return
		}
		p := pf.Interface().(Pos)
		// A zero Name (an unnamed index, no ON table) has no position.
		if v.Type() == nameType && v.IsZero() {
			return
		}
		if p.Offset < outer.Offset || p.End > outer.End || p.Offset > p.End {
			*errs = append(*errs, fmt.Sprintf("%s: %v lies outside %v", path, p, outer))
			return
		}
		// Raw is always the source text; so is Text, except an Expr's.
		for _, field := range []string{"Raw", "Text"} {
			f := v.FieldByName(field)
			if !f.IsValid() || f.Kind() != reflect.String || field == "Text" && v.Type() == exprType {
				continue
			}
			if got, want := f.String(), p.Source(src); got != want {
				*errs = append(*errs, fmt.Sprintf("%s.%s = %q, source has %q", path, field, got, want))
			}
		}
		if np := v.FieldByName("NamePos"); np.IsValid() {
			n := np.Interface().(Pos)
			if n.Offset != p.Offset || n.End > p.End {
				*errs = append(*errs, fmt.Sprintf("%s.NamePos %v is not at the start of %v", path, n, p))
			}
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).Name != "Pos" {
				walkPositions(src, v.Field(i), p, path+"."+v.Type().Field(i).Name, errs)
			}
		}
	}
}

// mustPositions fails t when checkPositions finds problems.
func mustPositions(t *testing.T, src string, stmts []Statement) {
	t.Helper()
	for _, e := range checkPositions(src, stmts) {
		t.Error(e)
	}
}
