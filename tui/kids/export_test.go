package kids

// WrapJA is wrapJA, for the tests.
var WrapJA = wrapJA
