// What every use case file of this module needs (the house rule: no 10-line using blocks per feature).
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.EntityFrameworkCore;
global using StudyHub.Kernel.Errors;
global using StudyHub.Kernel.Jobs;
global using StudyHub.Kernel.Users;
