import { configure } from "@testing-library/dom";

/**
 * `findBy…` and `waitFor` wait up to 5 s instead of testing-library's 1 s. A component test asserts
 * what appears, never how fast: on a 2-core CI machine under load a screen can take longer than a
 * second to render after a mocked answer, and a wait that succeeds sooner returns at once.
 */
configure({ asyncUtilTimeout: 5_000 });
