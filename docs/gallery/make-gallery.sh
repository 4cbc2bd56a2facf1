#!/usr/bin/env bash
# Makes the gallery: runs every sample, compresses each figure it writes into docs/gallery/ (PNG, at most 300 KB)
# and writes docs/gallery.md with the figure, its caption file and the command that makes it.
#
#   bash docs/gallery/make-gallery.sh            # builds (Release) first
#   bash docs/gallery/make-gallery.sh --no-build # uses the current Release build
#
# Needs the .NET SDK of global.json and pngquant (Debian/Ubuntu: apt-get install pngquant).
# The images in docs/gallery/ are the only generated figures kept in the repository; rerun this script after a change
# that alters a figure, and commit the images and docs/gallery.md together.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
gallery="$root/docs/gallery"
page="$root/docs/gallery.md"
limit=$((300 * 1024))

if ! command -v pngquant > /dev/null; then
    echo "make-gallery: pngquant is missing (Debian/Ubuntu: apt-get install pngquant)" >&2
    exit 2
fi

cd "$root"
if [[ "${1:-}" != "--no-build" ]]; then
    dotnet build -c Release --nologo -v quiet
fi

# Sample, in gallery order; the first one's figure is the README's main figure.
samples=(CellDeathTrajectories DualRoleDoseResponse DrugPanel DiseaseScenarios BoneLoss SolverShowdown TriggerWave QuickStart)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rm -f "$gallery"/*.png

{
    echo "# Gallery"
    echo
    echo "Every figure the samples draw, as they draw it with the current library and model. The images are compressed copies"
    echo "(PNG, at most 300 KB) of what each sample writes; each comes with the caption file the sample writes beside it and the"
    echo "command that makes it. All of them are made by one script,"
    echo "[\`docs/gallery/make-gallery.sh\`](gallery/make-gallery.sh) (\`bash docs/gallery/make-gallery.sh\`), which also writes this page."
    echo
} > "$work/gallery.md"

for sample in "${samples[@]}"; do
    out="$work/$sample"
    echo "make-gallery: $sample" >&2
    dotnet run -c Release --project "samples/$sample" --no-build -- "$out" > "$work/$sample.log"
    echo "## $sample" >> "$work/gallery.md"
    echo >> "$work/gallery.md"
    for png in $(cd "$out" && ls ./*.png | sort); do
        name="$(basename "$png")"
        pngquant --quality=60-95 --speed 1 --strip --force --output "$gallery/$name" "$out/$name"
        size=$(stat -c %s "$gallery/$name")
        if (( size > limit )); then
            echo "make-gallery: $name is $size bytes after compression, more than $limit" >&2
            exit 1
        fi

        caption="$out/${name%.png}.caption.txt"
        {
            echo "### \`$name\`"
            echo
            echo "![$name](gallery/$name)"
            echo
            if [[ -f "$caption" ]]; then
                # The caption file: its first line names the figure; the rest is what is plotted, protocol, model, solver.
                tail -n +2 "$caption" | sed -e 's/^/> /' -e 's/$/  /'
            else
                echo "> $(head -n 1 "samples/$sample/Program.cs" | sed -e 's|^// *||')"
            fi

            echo
            echo '```bash'
            echo "dotnet run -c Release --project samples/$sample -- output"
            echo '```'
            echo
        } >> "$work/gallery.md"
    done
done

mv "$work/gallery.md" "$page"
echo "make-gallery: wrote $page and $(ls "$gallery"/*.png | wc -l) images" >&2
