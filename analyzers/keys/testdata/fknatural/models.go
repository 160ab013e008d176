// Package fknatural holds columns named like foreign keys that reference
// a natural key (an identifier from elsewhere), not the primary key: the
// relation, or the target's own column of that name, says so.
package fknatural

import (
	"github.com/rs/xid"
	"github.com/uptrace/bun"
)

// VPC has a surrogate key and the cloud's own identifier.
type VPC struct {
	bun.BaseModel `bun:"table:vpcs,alias:v"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	VpcID         string `bun:"vpc_id,notnull,unique"`
}

// Subnet joins vpcs on vpc_id, as its relation says.
type Subnet struct {
	bun.BaseModel `bun:"table:subnets,alias:s"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	VpcID         string `bun:"vpc_id,notnull"`
	VPC           *VPC   `bun:"rel:has-one,join:vpc_id=vpc_id"`
}

// Instance names vpc_id without a relation: vpcs has a vpc_id column, so
// that is what it holds.
type Instance struct {
	bun.BaseModel `bun:"table:instances,alias:i"`
	ID            xid.ID `bun:"id,pk,type:varchar(20)"`
	VpcID         string `bun:"vpc_id,notnull"`
}
