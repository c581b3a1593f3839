namespace Timmy.E2E;
