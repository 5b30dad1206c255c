// What most files of this module need (the house rule: no long using block atop every feature file).
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
global using StudyHub.Content.Data;
global using StudyHub.Content.Domain;
global using StudyHub.Kernel.Errors;
global using StudyHub.Kernel.Users;
