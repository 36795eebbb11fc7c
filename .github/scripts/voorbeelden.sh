#!/usr/bin/env bash
# The preview site of the content workflow (.github/workflows/content.yml): one folder per pull request,
# pr-N/, so that a preview never replaces another, and the whole site deployed at once.
#
#   voorbeelden.sh adres BASIS NUMMER          prints url=… for $GITHUB_OUTPUT: BASIS/pr-NUMMER/, or, without BASIS,
#                                              http://127.0.0.1:8080/ (the artifact, looked at on this computer)
#   voorbeelden.sh zet SITE NUMMER EXPORT      puts the export EXPORT in SITE/pr-NUMMER/ (replacing an older one)
#   voorbeelden.sh weg SITE NUMMER             removes SITE/pr-NUMMER/
#
# zet and weg also write the site's own files: robots.txt that disallows everything, .nojekyll, and index.html with a
# link to each preview. Exit 2 for wrong arguments; NUMMER must be a pull request's number, never a path.
set -euo pipefail

usage() {
  echo "Gebruik: voorbeelden.sh adres BASIS NUMMER | zet SITE NUMMER EXPORT | weg SITE NUMMER" >&2
  exit 2
}

[[ $# -ge 3 ]] || usage
action=$1
number=$3
if ! [[ $number =~ ^[1-9][0-9]{0,9}$ ]]; then
  echo "'$number' is geen nummer van een pull request." >&2
  exit 2
fi

if [[ $action == adres ]]; then
  [[ $# -eq 3 ]] || usage
  base=${2%/}
  if [[ -z $base ]]; then
    echo "url=http://127.0.0.1:8080/"
  elif [[ $base =~ ^https?://[^[:space:]?#]+$ ]]; then
    echo "url=$base/pr-$number/"
  else
    echo "'$2' is geen webadres (https://…, zonder ? of #)." >&2
    exit 2
  fi
  exit 0
fi

site=$2
folder="$site/pr-$number"
case $action in
  zet)
    [[ $# -eq 4 && -d $4 ]] || usage
    mkdir -p -- "$site"
    rm -rf -- "$folder"
    cp -R -- "$4" "$folder"
    ;;
  weg)
    [[ $# -eq 3 ]] || usage
    rm -rf -- "$folder"
    ;;
  *)
    usage
    ;;
esac

# The shared site is for reviewers only: nothing in it is for search engines.
printf 'User-agent: *\nDisallow: /\n' >"$site/robots.txt"
: >"$site/.nojekyll"
{
  printf '<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<meta name="robots" content="noindex">\n'
  printf '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>Voorbeelden van wijzigingen</title>\n</head>\n<body>\n<main>\n'
  printf '<h1>Voorbeelden van wijzigingen</h1>\n<p>Dit is niet de echte website. Elk voorbeeld laat een voorgestelde wijziging zien die nog niet is goedgekeurd.</p>\n<ul>\n'
  for previous in "$site"/pr-*/; do
    [[ -d $previous ]] || continue
    name=$(basename "$previous")
    [[ $name =~ ^pr-([0-9]+)$ ]] || continue
    printf '<li><a href="%s/">Pull request %s</a></li>\n' "$name" "${BASH_REMATCH[1]}"
  done
  printf '</ul>\n</main>\n</body>\n</html>\n'
} >"$site/index.html"
