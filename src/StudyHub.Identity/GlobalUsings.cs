// What most files of this module need (the house rule: no long using block atop every feature file).
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.EntityFrameworkCore;
global using Microsoft.Extensions.Options;
global using StudyHub.Identity.Authentication;
global using StudyHub.Identity.Data;
global using StudyHub.Identity.Domain;
global using StudyHub.Kernel.Auditing;
global using StudyHub.Kernel.Errors;
global using StudyHub.Kernel.Users;
global using StudyHub.Kernel.Validation;
