package store

import "encoding/json"

// jsonUnmarshal decodes a stored value; the bytes are copied by json, so nothing outlives the
// transaction.
func jsonUnmarshal(data []byte, v any) error { return json.Unmarshal(data, v) }
