namespace StudyHub.Kernel.Users;

public enum Role
{
    Student = 0,
    Teacher = 1,
    Parent = 2,
    Admin = 3,
}
