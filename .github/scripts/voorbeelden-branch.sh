#!/usr/bin/env bash
# The preview site as the content workflow keeps it: the branch `voorbeelden`, always one commit (a preview's files
# never pile up in the repository's history), changed with voorbeelden.sh and left in $RUNNER_TEMP/voorbeelden to be
# deployed as a whole. Run in a checkout of this repository that may push.
#
#   voorbeelden-branch.sh zet NUMMER EXPORT    the export EXPORT in pr-NUMMER/
#   voorbeelden-branch.sh weg NUMMER           pr-NUMMER/ removed
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
git_dir=$(git rev-parse --absolute-git-dir)
site="${RUNNER_TEMP:?}/voorbeelden"
export GIT_INDEX_FILE="${RUNNER_TEMP}/voorbeelden.index"
rm -rf -- "$site" "$GIT_INDEX_FILE"
mkdir -p -- "$site"

# The site as it is now; the first preview starts an empty one.
if git fetch --quiet --depth 1 origin voorbeelden 2>/dev/null; then
  (cd "$site" && git --git-dir="$git_dir" --work-tree=. checkout FETCH_HEAD -- .)
fi
[[ $# -ge 2 ]] || { echo "Gebruik: voorbeelden-branch.sh zet NUMMER EXPORT | weg NUMMER" >&2; exit 2; }
action=$1
shift
bash "$here/voorbeelden.sh" "$action" "$site" "$@"

rm -f -- "$GIT_INDEX_FILE"
tree=$(cd "$site" && git --git-dir="$git_dir" --work-tree=. add -A . && git --git-dir="$git_dir" write-tree)
commit=$(git -c user.name="github-actions[bot]" -c user.email="41898282+github-actions[bot]@users.noreply.github.com" \
  commit-tree "$tree" -m "Voorbeelden: $action pull request $1")
git push --quiet --force origin "$commit:refs/heads/voorbeelden"
