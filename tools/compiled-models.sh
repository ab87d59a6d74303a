#!/usr/bin/env bash
# The EF Core compiled models of the catalogue, one per engine, in src/NbsRoundup/Data/CompiledModels/:
# Sqlite/ from the library's design-time context, Postgres/ from NbsRoundup.Migrations.Postgres's (as the
# migrations are). A context uses its engine's model (CatalogueDatabase.Use) instead of building one from
# the configurations at start-up, so both must be made again after every change to the model, with the
# migrations. This script makes both from scratch, deterministically (the same model gives the same files).
#
#   tools/compiled-models.sh                 regenerate both (dotnet ef builds the projects first)
#   tools/compiled-models.sh --check         fail, naming this script, when the committed ones are not the model's
#   tools/compiled-models.sh --check --configuration Release --no-build     (test.sh, after its build)
#
# Arguments after --check go to `dotnet ef dbcontext optimize`.
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
if [ "${1:-}" = "--check" ]; then
    check=1
    shift
fi
target=src/NbsRoundup/Data/CompiledModels
work=$(mktemp -d /tmp/nbs-compiled-models.XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/models"

if [ "$check" -eq 0 ]; then
    # The old models may not compile against a changed model; the library builds without them.
    rm -rf "$target"
fi

generate() {
    local engine=$1 project=$2 out="$work/models/$1" id
    if ! dotnet ef dbcontext optimize --project "$project" --startup-project "$project" \
        --output-dir "$out" --namespace "NbsRoundup.Data.CompiledModels.$engine" "${@:3}" >"$work/$engine.log" 2>&1; then
        cat "$work/$engine.log"
        echo "dotnet ef dbcontext optimize failed for $engine"
        exit 1
    fi
    # Each context names its engine's model (CatalogueDatabase.Use): two models found by their assembly
    # attributes would clash, and one would be taken for the other engine's contexts.
    rm "$out/CatalogueDbAssemblyAttributes.cs"
    # EF Core writes a new random model id each time: derive it from the model's own text instead.
    id=$(LC_ALL=C ls "$out"/*.cs | LC_ALL=C sort | xargs cat | sed -E 's/modelId: new Guid\("[0-9a-f-]+"\)/modelId/' \
        | sha256sum | cut -c1-32 | sed -E 's/(.{8})(.{4})(.{4})(.{4})(.{12})/\1-\2-\3-\4-\5/')
    sed -i -E "s/modelId: new Guid\(\"[0-9a-f-]+\"\)/modelId: new Guid(\"$id\")/" "$out/CatalogueDbModelBuilder.cs"
    grep -q "modelId: new Guid(\"$id\")" "$out/CatalogueDbModelBuilder.cs" || { echo "no model id found in $out/CatalogueDbModelBuilder.cs"; exit 1; }
}

generate Sqlite src/NbsRoundup "$@"
generate Postgres src/NbsRoundup.Migrations.Postgres "$@"
rm -f src/NbsRoundup/design-time.db
cat >"$work/models/README.md" <<'README'
# Compiled models (generated)

EF Core compiled models of `CatalogueDb`, one per engine, made by `tools/compiled-models.sh` from the
model (`Data/Configurations`, the entities, Identity's and Data Protection's tables). Do not edit:
after a change to the model, add the migrations and run the script again. `./test.sh` fails when they
are not the model's.
README

if [ "$check" -eq 1 ]; then
    if ! diff -r "$work/models" "$target" >"$work/diff" 2>&1; then
        head -n 40 "$work/diff"
        echo "The EF Core compiled models in $target are not those of the model: run tools/compiled-models.sh and commit what it writes."
        exit 1
    fi
    echo "The compiled models in $target are the model's."
else
    cp -r "$work/models" "$target"
    echo "Wrote the compiled models of SQLite and PostgreSQL to $target."
fi
