package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/nagawaka/madoguchi/model"
)

func init() {
	register(command{"people", "import a roster: people import FILE.csv / 名簿の取り込み", cmdPeople})
}

func cmdPeople(c *cli, args []string) int {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			peopleUsage(c, c.out)
			return 0
		}
		peopleUsage(c, c.errw)
		return 2
	}
	switch args[0] {
	case "import":
		return cmdPeopleImport(c, args[1:])
	}
	fmt.Fprintf(c.errw, "madoguchi people: unknown subcommand %q / 不明なサブコマンドです\n", args[0])
	peopleUsage(c, c.errw)
	return 2
}

func peopleUsage(c *cli, w interface{ Write([]byte) (int, error) }) {
	fmt.Fprint(w, `Usage:
  madoguchi people import [--skip-bad] [--dry-run] [--db FILE] [--lang ja|en] FILE.csv

Imports a roster (名簿) saved from Excel as CSV: UTF-8 (with or without BOM) or Shift_JIS.
The first row names the columns: 氏名, ふりがな, 電話, メール, 区分 (and 備考), or
name, reading, phone, email, role (and notes). A bad row is reported with its line number and
nothing is written, unless --skip-bad is given. People already in the database (same name and
reading) are reported and not added again.
`)
}

// parseWithFile parses a command's flags (the global ones too) around exactly one file argument,
// which may come before or after the flags.
func (c *cli) parseWithFile(name string, args []string, define func(fs *flag.FlagSet)) (file string, ok bool, code int) {
	fs := flag.NewFlagSet("madoguchi "+name, flag.ContinueOnError)
	fs.SetOutput(c.errw)
	c.g.register(fs, c.env)
	if define != nil {
		define(fs)
	}
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return "", false, 0
			}
			return "", false, 2
		}
		if fs.NArg() == 0 {
			break
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	c.lang = model.ParseLang(c.g.lang)
	if len(files) != 1 {
		fmt.Fprintf(c.errw, "madoguchi %s: %s\n", name, c.lang.Pick("CSV ファイルを1つ指定してください", "give exactly one CSV file"))
		fs.Usage()
		return "", false, 2
	}
	return files[0], true, 0
}

func cmdPeopleImport(c *cli, args []string) int {
	var skipBad, dryRun bool
	file, ok, code := c.parseWithFile("people import", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&skipBad, "skip-bad", false, "import the good rows even when some rows are bad")
		fs.BoolVar(&dryRun, "dry-run", false, "check the file and report, writing nothing")
	})
	if !ok {
		return code
	}
	l := c.lang
	data, err := os.ReadFile(file)
	if err != nil {
		fmt.Fprintf(c.errw, "madoguchi: %s: %v\n", l.Pick("ファイルを読めません", "cannot read the file"), err)
		return 1
	}
	roster, err := model.ParseRoster(data)
	if err != nil {
		fmt.Fprintf(c.errw, "madoguchi: %s: %s\n", file, model.Message(err, l))
		return 1
	}
	fmt.Fprintf(c.out, l.Pick("%s（%s）: 取り込める行 %d、不正な行 %d、ファイル内の重複 %d\n", "%s (%s): %d good rows, %d bad, %d repeated in the file\n"),
		file, roster.Encoding, len(roster.Rows), len(roster.Bad), len(roster.Duplicates))
	if len(roster.Ignored) > 0 {
		fmt.Fprintf(c.out, l.Pick("使わない列: %s\n", "Columns not used: %s\n"), strings.Join(roster.Ignored, ", "))
	}
	for _, b := range roster.Bad {
		fmt.Fprintln(c.errw, b.Message(l))
	}
	for _, d := range roster.Duplicates {
		fmt.Fprintln(c.out, d.Message(l))
	}
	if len(roster.Bad) > 0 && !skipBad {
		fmt.Fprintln(c.errw, l.Pick(
			fmt.Sprintf("不正な行が %d 行あるため、何も書き込んでいません。直してからもう一度実行するか、--skip-bad で正しい行だけ取り込んでください", len(roster.Bad)),
			fmt.Sprintf("%d bad rows: nothing was written. Fix them and run again, or use --skip-bad to import the good rows only", len(roster.Bad))))
		return 1
	}
	s, opened := c.open()
	if !opened {
		return 1
	}
	defer s.Close()
	if dryRun {
		existing, err := s.People()
		if err != nil {
			fmt.Fprintln(c.errw, "madoguchi: "+model.Message(err, l))
			return 1
		}
		known := map[string]model.Person{}
		for _, p := range existing {
			if !p.Forgotten {
				known[model.RosterKey(p.Name, p.Reading)] = p
			}
		}
		n := 0
		for _, row := range roster.Rows {
			if old, ok := known[model.RosterKey(row.Person.Name, row.Person.Reading)]; ok {
				fmt.Fprintln(c.out, alreadyThere(l, row.Line, old))
				continue
			}
			n++
		}
		fmt.Fprintf(c.out, l.Pick("確認のみ: %d人を追加できます（何も書き込んでいません）\n", "Dry run: %d people would be added (nothing was written)\n"), n)
		return 0
	}
	s.SetStaff("名簿取り込み（madoguchi people import）")
	res, err := s.ImportPeople(roster.People())
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi: "+model.Message(err, l))
		return 1
	}
	for _, d := range res.Duplicates {
		fmt.Fprintln(c.out, alreadyThere(l, roster.Rows[d.Index].Line, d.Existing))
	}
	fmt.Fprintf(c.out, l.Pick("%d人を追加しました（登録済みの %d人と、ファイル内で重なった %d行は追加していません）\n",
		"Added %d people (%d already registered and %d repeated rows were not added)\n"),
		len(res.Created), len(res.Duplicates), len(roster.Duplicates))
	return 0
}

func alreadyThere(l model.Lang, line int, old model.Person) string {
	note := ""
	if old.Archived {
		note = l.Pick("、アーカイブ済み", ", archived")
	}
	return l.Pick(
		fmt.Sprintf("%d行目: %s（%s）は登録済みです（ID %d%s）。追加しません", line, old.Name, old.Reading, old.ID, note),
		fmt.Sprintf("line %d: %s (%s) is already registered (ID %d%s); not added", line, old.Name, old.Reading, old.ID, note))
}
