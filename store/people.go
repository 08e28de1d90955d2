package store

import (
	"github.com/nagawaka/madoguchi/model"
)

// CreatePerson stores a validated person and returns it with its id.
func (s *Store) CreatePerson(p model.Person) (model.Person, error) {
	err := s.update(func(t *tx) error {
		var err error
		p, err = t.createPerson(p)
		return err
	})
	return p, err
}

func (t *tx) createPerson(p model.Person) (model.Person, error) {
	n, err := t.nextID(bPeople)
	if err != nil {
		return p, err
	}
	p.ID = n
	if p.Created.IsZero() {
		p.Created = t.now
	}
	if err := t.put(bPeople, u64(n), p); err != nil {
		return p, err
	}
	return p, t.audit("create", model.KindPerson, ref(n), "", summary(p))
}

// UpdatePerson replaces a person's fields.
func (s *Store) UpdatePerson(p model.Person) (model.Person, error) {
	err := s.update(func(t *tx) error {
		var old model.Person
		if ok, err := t.get(bPeople, u64(p.ID), &old); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindPerson, p.ID)
		}
		p.Created = old.Created
		if err := t.put(bPeople, u64(p.ID), p); err != nil {
			return err
		}
		return t.audit("update", model.KindPerson, ref(p.ID), summary(old), summary(p))
	})
	return p, err
}

// ArchivePerson hides (or shows again) a person at the counter, keeping their history.
func (s *Store) ArchivePerson(personID uint64, archived bool) error {
	return s.update(func(t *tx) error {
		var p model.Person
		if ok, err := t.get(bPeople, u64(personID), &p); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindPerson, personID)
		}
		if archived && t.b(iVisitOpen).Get(u64(personID)) != nil {
			return model.Conflict("来館中の方はアーカイブできません。先にチェックアウトしてください",
				"This person is checked in; check them out before archiving")
		}
		p.Archived = archived
		action := "archive"
		if !archived {
			action = "unarchive"
		}
		if err := t.put(bPeople, u64(personID), p); err != nil {
			return err
		}
		return t.audit(action, model.KindPerson, ref(personID), "", "")
	})
}

// Person returns one person.
func (s *Store) Person(personID uint64) (model.Person, error) {
	var p model.Person
	err := s.view(func(t *tx) error {
		ok, err := t.get(bPeople, u64(personID), &p)
		if err == nil && !ok {
			return model.NotFound(model.KindPerson, personID)
		}
		return err
	})
	return p, err
}

// People returns every person, archived ones included, in id order.
func (s *Store) People() ([]model.Person, error) {
	return viewValue(s, func(t *tx) ([]model.Person, error) { return decodeAll[model.Person](t, bPeople) })
}

// CreateChild stores a validated child of an existing guardian.
func (s *Store) CreateChild(c model.Child) (model.Child, error) {
	err := s.update(func(t *tx) error {
		var err error
		c, err = t.createChild(c)
		return err
	})
	return c, err
}

func (t *tx) createChild(c model.Child) (model.Child, error) {
	if t.b(bPeople).Get(u64(c.GuardianID)) == nil {
		return c, model.NotFound(model.KindPerson, c.GuardianID)
	}
	n, err := t.nextID(bChildren)
	if err != nil {
		return c, err
	}
	c.ID = n
	if err := t.put(bChildren, u64(n), c); err != nil {
		return c, err
	}
	if err := t.mark(iChildGuardian, pair(c.GuardianID, n)); err != nil {
		return c, err
	}
	return c, t.audit("create", model.KindChild, ref(n), "", summary(c))
}

// UpdateChild replaces a child's fields (the guardian may change).
func (s *Store) UpdateChild(c model.Child) (model.Child, error) {
	err := s.update(func(t *tx) error {
		var old model.Child
		if ok, err := t.get(bChildren, u64(c.ID), &old); err != nil {
			return err
		} else if !ok {
			return model.NotFound(model.KindChild, c.ID)
		}
		if t.b(bPeople).Get(u64(c.GuardianID)) == nil {
			return model.NotFound(model.KindPerson, c.GuardianID)
		}
		if old.GuardianID != c.GuardianID {
			if err := t.unmark(iChildGuardian, pair(old.GuardianID, c.ID)); err != nil {
				return err
			}
			if err := t.mark(iChildGuardian, pair(c.GuardianID, c.ID)); err != nil {
				return err
			}
		}
		if err := t.put(bChildren, u64(c.ID), c); err != nil {
			return err
		}
		return t.audit("update", model.KindChild, ref(c.ID), summary(old), summary(c))
	})
	return c, err
}

// Child returns one child.
func (s *Store) Child(childID uint64) (model.Child, error) {
	var c model.Child
	err := s.view(func(t *tx) error {
		ok, err := t.get(bChildren, u64(childID), &c)
		if err == nil && !ok {
			return model.NotFound(model.KindChild, childID)
		}
		return err
	})
	return c, err
}

// ChildrenOf returns a guardian's children.
func (s *Store) ChildrenOf(guardianID uint64) ([]model.Child, error) {
	return viewValue(s, func(t *tx) ([]model.Child, error) { return t.childrenOf(guardianID) })
}

func (t *tx) childrenOf(guardianID uint64) ([]model.Child, error) {
	var out []model.Child
	for _, cid := range t.prefixIDs(iChildGuardian, u64(guardianID)) {
		var c model.Child
		if _, err := t.get(bChildren, u64(cid), &c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// Children returns every child in id order.
func (s *Store) Children() ([]model.Child, error) {
	return viewValue(s, func(t *tx) ([]model.Child, error) { return decodeAll[model.Child](t, bChildren) })
}

// AddStaff adds a staff member to the list picked from at start.
func (s *Store) AddStaff(st model.Staff) (model.Staff, error) {
	err := s.update(func(t *tx) error {
		var err error
		st, err = t.addStaff(st)
		return err
	})
	return st, err
}

func (t *tx) addStaff(st model.Staff) (model.Staff, error) {
	var exists bool
	_ = t.b(bStaff).ForEach(func(k, v []byte) error {
		var o model.Staff
		if jsonUnmarshal(v, &o) == nil && o.Name == st.Name {
			exists = true
			st = o
		}
		return nil
	})
	if exists {
		return st, nil
	}
	n, err := t.nextID(bStaff)
	if err != nil {
		return st, err
	}
	st.ID = n
	if err := t.put(bStaff, u64(n), st); err != nil {
		return st, err
	}
	return st, t.audit("create", model.KindStaff, ref(n), "", st.Name)
}

// StaffList returns the staff members in the order they were added.
func (s *Store) StaffList() ([]model.Staff, error) {
	return viewValue(s, func(t *tx) ([]model.Staff, error) { return decodeAll[model.Staff](t, bStaff) })
}

// Settings returns the site's settings, defaults filled in.
func (s *Store) Settings() (model.Settings, error) {
	var st model.Settings
	err := s.view(func(t *tx) error {
		_, err := t.get(bMeta, kSettings, &st)
		return err
	})
	return st.WithDefaults(), err
}

// SaveSettings replaces the settings.
func (s *Store) SaveSettings(st model.Settings) error {
	return s.update(func(t *tx) error {
		var old model.Settings
		if _, err := t.get(bMeta, kSettings, &old); err != nil {
			return err
		}
		if err := t.put(bMeta, kSettings, st); err != nil {
			return err
		}
		return t.audit("update", model.KindSettings, "settings", summary(old), summary(st))
	})
}

// ImportDuplicate is a roster row naming someone already in the database (same model.RosterKey):
// reported, not created.
type ImportDuplicate struct {
	Index    int          // the row's index in the slice given to ImportPeople
	Person   model.Person // the row
	Existing model.Person // who is already there
}

// ImportResult is what ImportPeople did.
type ImportResult struct {
	Created    []model.Person
	Duplicates []ImportDuplicate
}

// ImportPeople creates validated people (a roster's good rows) in one transaction: all of them or,
// on any error, none. Someone already in the database (same normalised name and reading,
// archived people included) is skipped and reported as a duplicate; so is a second row for the
// same person within people. Forgotten records never match.
func (s *Store) ImportPeople(people []model.Person) (ImportResult, error) {
	var res ImportResult
	err := s.update(func(t *tx) error {
		existing := map[string]model.Person{}
		err := t.b(bPeople).ForEach(func(k, v []byte) error {
			var p model.Person
			if err := jsonUnmarshal(v, &p); err != nil {
				return err
			}
			if !p.Forgotten {
				existing[model.RosterKey(p.Name, p.Reading)] = p
			}
			return nil
		})
		if err != nil {
			return err
		}
		for i, p := range people {
			k := model.RosterKey(p.Name, p.Reading)
			if old, ok := existing[k]; ok {
				res.Duplicates = append(res.Duplicates, ImportDuplicate{Index: i, Person: p, Existing: old})
				continue
			}
			p.ID, p.Archived, p.Forgotten = 0, false, false
			created, err := t.createPerson(p)
			if err != nil {
				return err
			}
			existing[k] = created
			res.Created = append(res.Created, created)
		}
		return nil
	})
	if err != nil {
		return ImportResult{}, err
	}
	return res, nil
}
