#!/usr/bin/env python3
# Fails unless every translation in the given .po files is complete: valid for
# `msgfmt --check`, no fuzzy and no untranslated message.
#
# A .po file only knows the strings of the last `ninja training-desk-update-po`,
# so each file is checked twice: as committed, and merged against a template
# extracted now from po/POTFILES.in.  The second check is what catches strings
# added to the sources (or files added to POTFILES.in) but not yet translated.

import argparse
import os
import re
import subprocess
import sys
import tempfile

# The keywords and flags of meson's i18n 'glib' preset (po/meson.build), so the
# template matches the one `ninja training-desk-pot` writes.
GLIB_PRESET = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

# msgfmt --statistics, e.g. "12 translated messages, 1 fuzzy translation, 3
# untranslated messages."  Each part is left out when its count is zero.
COUNT_RE = re.compile(r'(\d+) (translated|fuzzy|untranslated) (?:message|translation)')


def run(cmd):
    return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, env=dict(os.environ, LC_ALL='C', LANGUAGE=''))


def statistics(msgfmt, po):
    """Returns (translated, fuzzy, untranslated), or None if msgfmt rejects po."""
    result = run([msgfmt, '--check', '--statistics', '-o', os.devnull, po])
    if result.returncode != 0:
        sys.stdout.write(result.stderr)
        return None
    counts = {'translated': 0, 'fuzzy': 0, 'untranslated': 0}
    lines = [l for l in result.stderr.splitlines() if COUNT_RE.search(l)]
    if not lines:
        print(f'{po}: msgfmt printed no statistics:\n{result.stderr}')
        return None
    for number, kind in COUNT_RE.findall(lines[-1]):
        counts[kind] = int(number)
    return counts['translated'], counts['fuzzy'], counts['untranslated']


def list_incomplete(msgattrib, po):
    """Prints the msgids that are fuzzy or untranslated in po."""
    for option in ('--only-fuzzy', '--untranslated'):
        result = run([msgattrib, option, '--no-obsolete', '--no-wrap', po])
        for line in result.stdout.splitlines():
            if line.startswith('msgid "') and line != 'msgid ""':
                print(f'  {option[2:].replace("only-", "")}: {line[6:]}')


def check(tools, po, label):
    stats = statistics(tools.msgfmt, po)
    if stats is None:
        print(f'FAIL {label}: msgfmt --check rejects it')
        return False
    translated, fuzzy, untranslated = stats
    summary = f'{translated} translated, {fuzzy} fuzzy, {untranslated} untranslated'
    if fuzzy or untranslated or translated == 0:
        print(f'FAIL {label}: {summary}')
        list_incomplete(tools.msgattrib, po)
        return False
    print(f'ok {label}: {summary}')
    return True


def extract(tools, tmpdir):
    pot = os.path.join(tmpdir, 'current.pot')
    result = run([tools.xgettext, '--package-name=' + tools.package, '-f', tools.potfiles,
                  '-D', tools.srcdir, '-o', pot] + GLIB_PRESET)
    if result.returncode != 0 or not os.path.exists(pot):
        sys.stdout.write(result.stderr)
        return None
    return pot


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--srcdir', required=True, help='the source root')
    parser.add_argument('--potfiles', required=True, help='po/POTFILES.in')
    parser.add_argument('--package', required=True)
    parser.add_argument('--xgettext', default='xgettext')
    parser.add_argument('--msgmerge', default='msgmerge')
    parser.add_argument('--msgfmt', default='msgfmt')
    parser.add_argument('--msgattrib', default='msgattrib')
    parser.add_argument('po', nargs='+')
    tools = parser.parse_args()

    ok = True
    with tempfile.TemporaryDirectory() as tmpdir:
        pot = extract(tools, tmpdir)
        if pot is None:
            print('FAIL: xgettext could not extract the strings of POTFILES.in')
            return 1
        for po in tools.po:
            name = os.path.basename(po)
            ok = check(tools, po, name) and ok
            merged = os.path.join(tmpdir, name)
            result = run([tools.msgmerge, '--quiet', '-o', merged, po, pot])
            if result.returncode != 0:
                sys.stdout.write(result.stderr)
                print(f'FAIL {name}: msgmerge could not merge it with the current strings')
                ok = False
                continue
            ok = check(tools, merged, name + ' merged with the current sources') and ok
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
