#!/usr/bin/env python3
"""Checks the Flatpak manifest against the build: usage
check-flatpak-manifest.py MANIFEST APP_ID DESKTOP_FILE_IN

The manifest is only built by flatpak-builder, which CI does not run, so this is what
keeps it from drifting: it must be strict JSON, name the same application id and
command as the desktop file, build this tree with meson last, and pin every
download (a git commit, or an archive's sha256)."""

import configparser
import json
import re
import sys

errors = []


def fail(message):
    errors.append(message)


def check_source(module, source):
    kind = source.get('type')
    where = 'module "{}": {} source'.format(module, kind)
    if kind == 'git':
        if not re.fullmatch(r'[0-9a-f]{40}', source.get('commit', '')):
            fail(where + ' {} has no 40-hex "commit"'.format(source.get('url')))
    elif kind in ('archive', 'file'):
        if not re.fullmatch(r'[0-9a-f]{64}', source.get('sha256', '')):
            fail(where + ' {} has no 64-hex "sha256"'.format(source.get('url')))
    elif kind != 'dir':
        fail(where + ' is of a type this project does not use')


def check_app_module(module):
    if module.get('name') != 'training-desk':
        fail('the last module must be "training-desk", not "{}"'.format(module.get('name')))
    if module.get('buildsystem') != 'meson':
        fail('the training-desk module must use buildsystem "meson"')
    sources = module.get('sources', [])
    if len(sources) != 1 or sources[0].get('type') != 'dir' or sources[0].get('path') != '..':
        fail('the training-desk module must build this tree: one "dir" source with path ".."')


def desktop_exec(path):
    parser = configparser.RawConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    with open(path, encoding='utf-8') as f:
        parser.read_file(f)
    return parser['Desktop Entry']['Exec'].split()[0]


def main(manifest_path, app_id, desktop_in):
    try:
        with open(manifest_path, encoding='utf-8') as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print('{}: not valid JSON: {}'.format(manifest_path, e), file=sys.stderr)
        return 1

    if manifest.get('app-id') != app_id:
        fail('app-id is "{}", the project says "{}"'.format(manifest.get('app-id'), app_id))
    command = desktop_exec(desktop_in)
    if manifest.get('command') != command:
        fail('command is "{}", the desktop file runs "{}"'.format(manifest.get('command'), command))
    if manifest.get('runtime') != 'org.gnome.Platform' or manifest.get('sdk') != 'org.gnome.Sdk':
        fail('runtime and sdk must be org.gnome.Platform and org.gnome.Sdk')
    for arg in ('--share=ipc', '--socket=wayland', '--socket=fallback-x11', '--device=dri'):
        if arg not in manifest.get('finish-args', []):
            fail('finish-args lacks ' + arg)

    modules = manifest.get('modules', [])
    if not modules:
        fail('no modules')
    else:
        for module in modules:
            for source in module.get('sources', []):
                check_source(module.get('name'), source)
        check_app_module(modules[-1])

    for message in errors:
        print('{}: {}'.format(manifest_path, message), file=sys.stderr)
    if not errors:
        print('{}: {} modules, app-id {}, command {}'.format(
            manifest_path, len(modules), app_id, command))
    return 1 if errors else 0


if __name__ == '__main__':
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    sys.exit(main(*sys.argv[1:]))
