/**
 * The manifest's FunctionFile. Both ribbon buttons open the task pane (一键核查 with ?run=check),
 * so no function command is registered; Office only needs the file to initialise.
 */
Office.onReady(() => undefined);
