// Minutebook portal: starts GOV.UK Frontend's components. Loaded as a module so old browsers skip it and keep the no-JS pages.
import { initAll } from "/assets/govuk-frontend.min.js";

document.body.classList.add("js-enabled", "govuk-frontend-supported");
initAll();
