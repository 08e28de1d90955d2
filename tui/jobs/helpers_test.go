package jobs_test

import (
	"reflect"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
	"github.com/nagawaka/madoguchi/tui/common"
	"github.com/nagawaka/madoguchi/tui/jobs"
	"github.com/nagawaka/madoguchi/tui/tuitest"
)

// ctxOf is the context of a w×h terminal: the body is 4 lines shorter.
func ctxOf(l model.Lang, w, h int) common.Context { return tuitest.Context(l, w, h-4) }

// open starts the screen on s at a terminal size, with its data loaded.
func open(t *testing.T, s *store.Store, l model.Lang, w, h int) tea.Model {
	t.Helper()
	s.SetStaff("佐藤 由美")
	var m tea.Model = tuitest.Host{S: jobs.New(ctxOf(l, w, h), s)}
	m, _ = tuitest.Drain(m, m.Init())
	return m
}

func screenOf(m tea.Model) jobs.Model { return m.(tuitest.Host).S.(jobs.Model) }

func view(m tea.Model) string { return ansi.Strip(m.(tuitest.Host).S.View()) }

func keys(t *testing.T, m tea.Model, ks ...string) tea.Model {
	t.Helper()
	m, quit := tuitest.Keys(m, ks...)
	if quit {
		t.Fatal("the screen quit")
	}
	return m
}

func typeText(t *testing.T, m tea.Model, s string) tea.Model {
	t.Helper()
	m, _ = tuitest.Send(m, tuitest.Text(s)...)
	return m
}

func ctrl(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }

// jobsNew is the screen on s, not yet loaded.
func jobsNew(s *store.Store) jobs.Model {
	s.SetStaff("佐藤 由美")
	return jobs.New(ctxOf(model.JA, 80, 24), s)
}

// jobsKeyMap lists every binding of the key map in the language, in field order.
func jobsKeyMap(l model.Lang) []key.Binding {
	km := reflect.ValueOf(jobs.DefaultKeyMap(l))
	var out []key.Binding
	for i := range km.NumField() {
		out = append(out, km.Field(i).Interface().(key.Binding))
	}
	return out
}

// the shared view checks
var (
	wantIn    = tuitest.WantIn
	checkSize = tuitest.CheckSize
)
