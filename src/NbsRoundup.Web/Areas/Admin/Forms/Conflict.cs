using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace NbsRoundup.Web.Areas.Admin.Forms;

/// <summary>One field two editors saved differently: what this editor typed, and what is saved now.</summary>
public sealed record ConflictRow(string Field, string? Yours, string? Current)
{
    /// <summary>The fields of the editor's form that differ from the saved version.</summary>
    public static IReadOnlyList<ConflictRow> Between(EntityFields yours, EntityFields current) =>
        yours.Names.Where(n => !string.Equals(yours[n], current[n], StringComparison.Ordinal))
            .Select(n => new ConflictRow(n, yours[n], current[n]))
            .ToList();

    /// <summary>
    /// Prepares a form whose save was refused for a conflict: the fields that differ from the version
    /// saved meanwhile, and the form moved onto that version, so that saving again replaces it
    /// knowingly. No rows means someone else saved exactly what this editor typed.
    /// </summary>
    public static IReadOnlyList<ConflictRow> Show(SaveResult conflict, IVersionedInput input, ModelStateDictionary modelState)
    {
        modelState.Remove("Input.Version");
        input.Version = conflict.CurrentVersion;
        return Between(input.Describe(), conflict.Current!);
    }
}

/// <summary>An edit form's fields: the version of the entity it showed, and its values described as the entity describes itself.</summary>
public interface IVersionedInput
{
    Guid Version { get; set; }

    EntityFields Describe();
}
