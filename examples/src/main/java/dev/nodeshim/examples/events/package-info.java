/**
 * The EventEmitter scripts of the seed notes ({@code /work/shared/seeds/002_8bfa7c3e83a58264.txt},
 * section {@code # Events模块}) ported to Java, one small main class each.
 *
 * <p>Each class says which passage it ports and shows the Node original. Each prints through a
 * {@code Consumer<String>} given to {@code run(out)} (its {@code main} passes {@code System.out::println}),
 * so its test can capture the lines and compare them with what {@code node} prints for the original,
 * kept beside the test as {@code src/test/resources/events/<name>.js}.
 */
package dev.nodeshim.examples.events;
