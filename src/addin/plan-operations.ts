import { InvalidChange, operationsOf, type ChangeSet } from "../engine";
import { GatewayError } from "./gateway";

/**
 * A change set as the operations every writer executes (engine/changes/operations.ts), or a
 * GatewayError, before anything is written, when it cannot be applied.
 */
export function planOperations(set: ChangeSet): ReturnType<typeof operationsOf> {
  try {
    return operationsOf(set);
  } catch (e) {
    if (e instanceof InvalidChange) throw new GatewayError("api", `无法应用的修改（${e.message}），未做任何修改`, `a change that cannot be applied (${e.message}); nothing was changed`);
    throw e;
  }
}
