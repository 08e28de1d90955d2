package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/nagawaka/madoguchi/model"
	"github.com/nagawaka/madoguchi/store"
)

// The data-safety commands: backup, restore, check, compact, dump, load, forget. docs/data.md
// explains them for staff. Each prints one line per outcome in the chosen language and exits
// non-zero when it did not do what was asked.

func init() {
	register(command{"backup", "copy the database, verified: backup [--out FILE] / バックアップ", cmdBackup})
	register(command{"restore", "replace the database with a backup: restore FILE / 復元", cmdRestore})
	register(command{"check", "check the database for damage / 点検", cmdCheck})
	register(command{"compact", "shrink the database file (madoguchi closed) / 圧縮", cmdCompact})
	register(command{"dump", "write every record as JSON Lines: dump [--out FILE] / 書き出し", cmdDump})
	register(command{"load", "fill an empty database from a dump: load FILE / 読み込み", cmdLoad})
	register(command{"forget", "erase a person's personal data: forget PERSON_ID --yes / 個人情報の削除", cmdForget})
}

// dataArgs parses a command's flags (the global ones too) and exactly want positional
// arguments, which may stand before, between or after the flags.
func (c *cli) dataArgs(name, argHelp string, args []string, want int, define func(fs *flag.FlagSet)) ([]string, bool, int) {
	fs := flag.NewFlagSet("madoguchi "+name, flag.ContinueOnError)
	fs.SetOutput(c.errw)
	c.g.register(fs, c.env)
	if define != nil {
		define(fs)
	}
	fs.Usage = func() {
		fmt.Fprintf(c.errw, "Usage: madoguchi %s [flags] %s\n", name, argHelp)
		fs.PrintDefaults()
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, false, 0
			}
			return nil, false, 2
		}
		if fs.NArg() == 0 {
			break
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
	c.lang = model.ParseLang(c.g.lang)
	if len(pos) != want {
		if want == 0 {
			fmt.Fprintf(c.errw, "madoguchi %s: unexpected argument %q\n", name, pos[0])
		} else {
			fmt.Fprintf(c.errw, "madoguchi %s: %s\n", name, c.lang.Pick("引数が違います: "+argHelp, "expected: "+argHelp))
		}
		fs.Usage()
		return nil, false, 2
	}
	return pos, true, 0
}

// dataDBPath is the database named by --db, MADOGUCHI_DB or the platform default.
func (c *cli) dataDBPath() (string, bool) {
	if c.g.db != "" {
		return c.g.db, true
	}
	p, err := defaultDB(c.env)
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi:", err)
		return "", false
	}
	return p, true
}

// dataFail prints an error as one line (or the lines of a load error) and returns 1.
func (c *cli) dataFail(err error) int {
	fmt.Fprintln(c.errw, "madoguchi: "+model.Message(err, c.lang))
	return 1
}

// dataSize writes a byte count for people.
func dataSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.0f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

func cmdBackup(c *cli, args []string) int {
	var out string
	if _, ok, code := c.dataArgs("backup", "", args, 0, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "out", "", "write the copy to this file (default: backups/ beside the database, rotated)")
	}); !ok {
		return code
	}
	s, ok := c.open()
	if !ok {
		return 1
	}
	defer s.Close()
	var info store.BackupInfo
	var err error
	if out != "" {
		s.SetStaff("madoguchi backup")
		info, err = s.BackupTo(out)
	} else {
		info, err = s.Backup()
	}
	if err != nil {
		return c.dataFail(err)
	}
	fmt.Fprintln(c.out, c.lang.Pick(
		fmt.Sprintf("バックアップを作り、確認しました: %s（%s）", info.Path, dataSize(info.Size)),
		fmt.Sprintf("Backup written and verified: %s (%s)", info.Path, dataSize(info.Size))))
	for _, r := range info.Removed {
		fmt.Fprintln(c.out, c.lang.Pick("古いバックアップを削除しました: ", "Old backup removed: ")+r)
	}
	return 0
}

func cmdRestore(c *cli, args []string) int {
	var force bool
	pos, ok, code := c.dataArgs("restore", "FILE", args, 1, func(fs *flag.FlagSet) {
		fs.BoolVar(&force, "force", false, "restore even when the backup breaks madoguchi's rules (an index out of step); never a damaged file")
	})
	if !ok {
		return code
	}
	path, ok := c.dataDBPath()
	if !ok {
		return 1
	}
	info, err := store.Restore(path, pos[0], store.RestoreOptions{Clock: c.clock, Force: force})
	if err != nil {
		return c.dataFail(err)
	}
	fmt.Fprintln(c.out, c.lang.Pick(
		fmt.Sprintf("復元しました: %s を %s に戻しました（%s）", pos[0], path, dataSize(info.Size)),
		fmt.Sprintf("Restored %s into %s (%s)", pos[0], path, dataSize(info.Size))))
	if info.Kept != "" {
		fmt.Fprintln(c.out, c.lang.Pick("置き換える前のデータベースは残してあります: ", "The database it replaced is kept: ")+info.Kept)
	}
	return 0
}

func cmdCheck(c *cli, args []string) int {
	if _, ok, code := c.dataArgs("check", "", args, 0, nil); !ok {
		return code
	}
	path, ok := c.dataDBPath()
	if !ok {
		return 1
	}
	rep, err := store.VerifyFile(path) // read-only: a damaged file is looked at, never repaired
	if err != nil {
		return c.dataFail(err)
	}
	total := 0
	var parts []string
	for _, k := range store.RecordKinds() {
		if n := rep.Records[k]; n > 0 {
			total += n
			parts = append(parts, fmt.Sprintf("%s %d", k.Label(c.lang), n))
		}
	}
	fmt.Fprintln(c.out, c.lang.Pick(fmt.Sprintf("%s: レコード %d 件", path, total), fmt.Sprintf("%s: %d records", path, total)))
	if len(parts) > 0 {
		fmt.Fprintln(c.out, "  "+strings.Join(parts, c.lang.Pick("、", ", ")))
	}
	if rep.Schema < store.SchemaVersion {
		fmt.Fprintln(c.out, c.lang.Pick(
			fmt.Sprintf("形式 %d のデータベースです（この版は形式 %d）。次に madoguchi で開いたときに更新されます", rep.Schema, store.SchemaVersion),
			fmt.Sprintf("The database is at schema %d (this version writes %d); madoguchi updates it when it next opens it", rep.Schema, store.SchemaVersion)))
	}
	if rep.OK() {
		fmt.Fprintln(c.out, c.lang.Pick("問題は見つかりませんでした（ファイルの構造、参照、索引）", "No problems found (file structure, references, indexes)"))
		return 0
	}
	for _, p := range rep.Problems {
		fmt.Fprintln(c.out, "  "+p.Message(c.lang))
	}
	fmt.Fprintln(c.errw, "madoguchi: "+c.lang.Pick(
		fmt.Sprintf("問題が %d 件見つかりました。バックアップからの restore を検討してください（docs/data.md）", len(rep.Problems)),
		fmt.Sprintf("%d problems found; consider restoring a backup (docs/data.md)", len(rep.Problems))))
	return 1
}

func cmdCompact(c *cli, args []string) int {
	if _, ok, code := c.dataArgs("compact", "", args, 0, nil); !ok {
		return code
	}
	path, ok := c.dataDBPath()
	if !ok {
		return 1
	}
	info, err := store.Compact(path)
	if err != nil {
		return c.dataFail(err)
	}
	fmt.Fprintln(c.out, c.lang.Pick(
		fmt.Sprintf("圧縮しました: %s → %s（%s）", dataSize(info.Before), dataSize(info.After), path),
		fmt.Sprintf("Compacted: %s -> %s (%s)", dataSize(info.Before), dataSize(info.After), path)))
	return 0
}

func cmdDump(c *cli, args []string) int {
	var out string
	if _, ok, code := c.dataArgs("dump", "", args, 0, func(fs *flag.FlagSet) {
		fs.StringVar(&out, "out", "", "write to this file (default: standard output)")
	}); !ok {
		return code
	}
	s, ok := c.open()
	if !ok {
		return 1
	}
	defer s.Close()
	s.SetStaff("madoguchi dump")
	if out != "" {
		f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if errors.Is(err, os.ErrExist) {
			fmt.Fprintln(c.errw, "madoguchi: "+c.lang.Pick(out+" はすでにあります。上書きはしません", out+" already exists; it is not overwritten"))
			return 1
		} else if err != nil {
			fmt.Fprintln(c.errw, "madoguchi:", err)
			return 1
		}
		n, err := s.Dump(f, out)
		if err == nil {
			err = f.Sync()
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			_ = os.Remove(out)
			return c.dataFail(err)
		}
		fmt.Fprintln(c.errw, c.lang.Pick(fmt.Sprintf("%d 件を書き出しました: %s", n, out), fmt.Sprintf("%d records written to %s", n, out)))
		return 0
	}
	if _, err := s.Dump(c.out, "stdout"); err != nil {
		return c.dataFail(err)
	}
	return 0
}

func cmdLoad(c *cli, args []string) int {
	pos, ok, code := c.dataArgs("load", "FILE", args, 1, nil)
	if !ok {
		return code
	}
	f, err := os.Open(pos[0])
	if err != nil {
		fmt.Fprintln(c.errw, "madoguchi:", err)
		return 1
	}
	defer f.Close()
	path, ok := c.dataDBPath()
	if !ok {
		return 1
	}
	_, statErr := os.Stat(path)
	created := errors.Is(statErr, os.ErrNotExist)
	c.g.db = path
	s, ok := c.open()
	if !ok {
		return 1
	}
	defer s.Close()
	info, err := s.Load(f)
	if err != nil {
		if created { // a refused load leaves no empty database behind
			s.Close()
			_ = os.Remove(path)
		}
		return c.dataFail(err)
	}
	fmt.Fprintln(c.out, c.lang.Pick(
		fmt.Sprintf("%d 件を読み込みました（索引を作り直しました）: %s", info.Records, s.Path()),
		fmt.Sprintf("%d records loaded (indexes rebuilt) into %s", info.Records, s.Path())))
	return 0
}

func cmdForget(c *cli, args []string) int {
	var yes bool
	var staff string
	pos, ok, code := c.dataArgs("forget", "PERSON_ID", args, 1, func(fs *flag.FlagSet) {
		fs.BoolVar(&yes, "yes", false, "really erase (without it, only shows what would be erased)")
		fs.StringVar(&staff, "staff", "", "the staff member doing it, for the audit log")
	})
	if !ok {
		return code
	}
	id, err := strconv.ParseUint(strings.TrimPrefix(pos[0], "#"), 10, 64)
	if err != nil || id == 0 {
		fmt.Fprintln(c.errw, "madoguchi forget: "+c.lang.Pick("利用者の ID（数字）を指定してください", "give the person's id (a number)"))
		return 2
	}
	s, ok := c.open()
	if !ok {
		return 1
	}
	defer s.Close()
	p, err := s.Person(id)
	if err != nil {
		return c.dataFail(err)
	}
	kids, err := s.ChildrenOf(id)
	if err != nil {
		return c.dataFail(err)
	}
	if !yes {
		fmt.Fprintln(c.out, c.lang.Pick(
			fmt.Sprintf("%s（ID %d）と子ども %d 人の個人情報（氏名、ふりがな、連絡先、メモ、アレルギー、お迎え可能者）を削除します。元に戻せません。", p.DisplayName(), id, len(kids)),
			fmt.Sprintf("This erases the personal data (names, readings, contact, notes, allergies, pick-up people) of %s (id %d) and %d children. It cannot be undone.", p.DisplayName(), id, len(kids))))
		fmt.Fprintln(c.out, c.lang.Pick(
			fmt.Sprintf("実行するには: madoguchi forget %d --yes", id),
			fmt.Sprintf("To do it: madoguchi forget %d --yes", id)))
		return 1
	}
	if staff == "" {
		staff = "madoguchi forget"
	}
	s.SetStaff(staff)
	res, err := s.Forget(id)
	if err != nil {
		return c.dataFail(err)
	}
	fmt.Fprintln(c.out, c.lang.Pick(
		fmt.Sprintf("削除しました: ID %d と子ども %d 人の個人情報。ほかの記録 %d 件から名前を消しました。来館・予約・出欠・案件の記録は匿名のまま残ります。", id, res.Children, res.Scrubbed),
		fmt.Sprintf("Erased: the personal data of id %d and %d children; names removed from %d other records. Visits, bookings, marks and jobs stay, anonymous.", id, res.Children, res.Scrubbed)))
	st, _ := s.Settings()
	n := 0
	if list, err := store.ListBackups(s.Path()); err == nil {
		n = len(list)
	}
	fmt.Fprintln(c.out, c.lang.Pick(
		fmt.Sprintf("注意: それまでのバックアップ（%s に %d 件）には、世代交代で消えるまで（バックアップ %d 回分）この方のデータが残ります。", store.BackupDir(s.Path()), n, st.BackupKeep),
		fmt.Sprintf("Note: earlier backups (%d in %s) still hold this person's data until they rotate out (after %d more backups).", n, store.BackupDir(s.Path()), st.BackupKeep)))
	fmt.Fprintln(c.out, c.lang.Pick(
		"データベースファイルの空き領域からも消すには、madoguchi を閉じてから madoguchi compact を実行してください。",
		"To clear it from the database file's free space too, close madoguchi and run madoguchi compact."))
	return 0
}
