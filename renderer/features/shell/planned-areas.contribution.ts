/**
 * Areas whose modules are still to come, each with its honest empty state (no fake data): none
 * now. When one is planned, register it here with `registerArea` (id, label, order, summary,
 * empty); its module later registers the same id from its own folder and its entry here goes.
 * The last one, Reports, became the Dashboard (`features/dashboard/`).
 */
export {};
