package live

import (
	"fmt"
	"reflect"
)

// firstDifference returns the path to the first place where a and b, two
// values of the same type, differ, walking every field (unexported ones
// too), slice element, map entry and pointer, and the two values found
// there. It is the readable side of reflect.DeepEqual for Atlas's schema
// graphs, which are full of cycles (table → column → index → table) that
// make general-purpose differs loop for minutes.
func firstDifference(a, b any) (string, bool) {
	return walkDiff("", reflect.ValueOf(a), reflect.ValueOf(b), map[[2]uintptr]bool{})
}

func walkDiff(path string, a, b reflect.Value, seen map[[2]uintptr]bool) (string, bool) {
	if a.IsValid() != b.IsValid() {
		return fmt.Sprintf("%s: one is invalid", path), true
	}
	if !a.IsValid() {
		return "", false
	}
	if a.Type() != b.Type() {
		return fmt.Sprintf("%s: type %s != %s", path, a.Type(), b.Type()), true
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil %v != %v", path, a.IsNil(), b.IsNil()), true
			}
			return "", false
		}
		key := [2]uintptr{a.Pointer(), b.Pointer()}
		if seen[key] {
			return "", false
		}
		seen[key] = true
		return walkDiff(path, a.Elem(), b.Elem(), seen)
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return fmt.Sprintf("%s: nil %v != %v", path, a.IsNil(), b.IsNil()), true
			}
			return "", false
		}
		if a.Elem().Type() != b.Elem().Type() {
			return fmt.Sprintf("%s: %s != %s", path, a.Elem().Type(), b.Elem().Type()), true
		}
		return walkDiff(path, a.Elem(), b.Elem(), seen)
	case reflect.Struct:
		for i := range a.NumField() {
			if d, ok := walkDiff(path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i), seen); ok {
				return d, true
			}
		}
		return "", false
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d != %d", path, a.Len(), b.Len()), true
		}
		for i := range a.Len() {
			if d, ok := walkDiff(fmt.Sprintf("%s[%d]", path, i), a.Index(i), b.Index(i), seen); ok {
				return d, true
			}
		}
		return "", false
	case reflect.Map:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: length %d != %d", path, a.Len(), b.Len()), true
		}
		for _, k := range a.MapKeys() {
			if d, ok := walkDiff(fmt.Sprintf("%s[%v]", path, k), a.MapIndex(k), b.MapIndex(k), seen); ok {
				return d, true
			}
		}
		return "", false
	case reflect.Func, reflect.Chan, reflect.UnsafePointer:
		if a.Pointer() != b.Pointer() {
			return fmt.Sprintf("%s: different %s", path, a.Kind()), true
		}
		return "", false
	default:
		// Basic kinds; fmt reads unexported fields too.
		if as, bs := fmt.Sprint(a), fmt.Sprint(b); as != bs {
			return fmt.Sprintf("%s: %q != %q", path, as, bs), true
		}
		return "", false
	}
}
