package store

import (
	"encoding/json"

	"github.com/nagawaka/madoguchi/model"
)

// jsonUnmarshal decodes a stored value; the bytes are copied by the decoder, so nothing outlives
// the transaction. Visits, read by the thousand in day lists, reviews and reports, take the
// model's hand-written decoder (model.DecodeVisit), which falls back to encoding/json.
func jsonUnmarshal(data []byte, v any) error {
	if vis, ok := v.(*model.Visit); ok {
		d, err := model.DecodeVisit(data)
		*vis = d
		return err
	}
	return json.Unmarshal(data, v)
}
