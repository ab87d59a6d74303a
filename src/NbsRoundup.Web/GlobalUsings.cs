// What nearly every page and endpoint of the portal uses: the Razor Pages and EF Core APIs, and the catalogue's model and store.
global using Microsoft.AspNetCore.Mvc;
global using Microsoft.AspNetCore.Mvc.RazorPages;
global using Microsoft.EntityFrameworkCore;
global using NbsRoundup.Catalogue;
global using NbsRoundup.Data;
