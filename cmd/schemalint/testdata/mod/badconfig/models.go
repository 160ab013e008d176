// Package badconfig has a configuration with a misspelt option.
package badconfig
