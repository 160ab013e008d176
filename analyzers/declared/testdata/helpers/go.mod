module example.com/helpers

go 1.26

require github.com/uptrace/bun v1.3.0
