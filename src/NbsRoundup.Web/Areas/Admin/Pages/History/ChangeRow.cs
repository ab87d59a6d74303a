namespace NbsRoundup.Web.Areas.Admin.Pages.History;

/// <summary>One change set as the history pages show it.</summary>
public sealed record ChangeRow(int Id, DateTime At, string Actor, string Description, IReadOnlyList<FieldRow> Fields);

/// <summary>One field of one entity, before and after.</summary>
public sealed record FieldRow(string Kind, string Key, string Field, string? Before, string? After);
