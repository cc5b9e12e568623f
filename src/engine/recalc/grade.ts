/** The grade bands live in the standards module; kept here for the engine modules that import them. */
export { gradeOf, GRADE_EN, onHundred } from "../standards";
