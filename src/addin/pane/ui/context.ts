import { createContext, useContext } from "react";
import { strings, type Lang, type Strings } from "../strings";

export const LangContext = createContext<Lang>("zh-CN");

export function useStrings(): Strings {
  return strings(useContext(LangContext));
}

export function useLang(): Lang {
  return useContext(LangContext);
}
