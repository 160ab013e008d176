package fixbreak

import "time"

// CreatedAt stands in for the column in tests.
func (e *Event) CreatedAt() time.Time { return e.UpdatedAt }
