namespace StudyHub.Math;
