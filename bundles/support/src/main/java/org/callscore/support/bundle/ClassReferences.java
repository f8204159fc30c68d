package org.callscore.support.bundle;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes a class file names: its constant pool's classes (what its code creates, calls, casts to and catches)
 * and the types in its members' and its calls' descriptors. These are the classes the JVM may resolve through the
 * class's loader, at any point of a call.
 */
final class ClassReferences {

    private static final int MAGIC = 0xCAFEBABE;

    private ClassReferences() {
    }

    /**
     * @param classFile a class file's bytes
     * @return the binary names ({@code java.util.Map$Entry}) of
     *         the classes it names (the element class of an array), itself included
     * @throws IOException when the bytes are not a class file
     */
    static Set<String> of(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor version
        in.readUnsignedShort(); // major version
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        Set<Integer> classNames = new TreeSet<>();
        Set<Integer> descriptors = new TreeSet<>();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[index] = in.readUTF();
                case 7 -> classNames.add(in.readUnsignedShort());
                case 16 -> descriptors.add(in.readUnsignedShort()); // MethodType
                case 12 -> { // NameAndType
                    in.readUnsignedShort();
                    descriptors.add(in.readUnsignedShort());
                }
                case 8, 19, 20 -> in.readUnsignedShort(); // String, Module, Package
                case 15 -> in.skipBytes(3); // MethodHandle
                case 3, 4, 9, 10, 11, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> { // Long and Double take two entries
                    in.skipBytes(8);
                    index++;
                }
                default -> throw new IOException("constant pool tag " + tag + " unknown");
            }
        }
        in.readUnsignedShort(); // access flags
        in.readUnsignedShort(); // this class: a Class entry
        in.readUnsignedShort(); // super class: a Class entry
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces: Class entries
        for (int kind = 0; kind < 2; kind++) { // fields, then methods
            int members = in.readUnsignedShort();
            for (int member = 0; member < members; member++) {
                in.readUnsignedShort(); // access flags
                in.readUnsignedShort(); // name
                descriptors.add(in.readUnsignedShort());
                int attributes = in.readUnsignedShort();
                for (int attribute = 0; attribute < attributes; attribute++) {
                    in.readUnsignedShort();
                    in.skipBytes(in.readInt());
                }
            }
        }
        Set<String> names = new TreeSet<>();
        for (int index : classNames) {
            String name = text(utf8, index);
            if (name.startsWith("[")) {
                addTypes(name, names); // an array: the JVM resolves its element class
            } else {
                names.add(name.replace('/', '.'));
            }
        }
        for (int index : descriptors) {
            addTypes(text(utf8, index), names);
        }
        return names;
    }

    private static String text(String[] utf8, int index) throws IOException {
        if (index <= 0 || index >= utf8.length || utf8[index] == null) {
            throw new IOException("constant pool entry " + index + " is not text");
        }
        return utf8[index];
    }

    /** Adds the classes of a descriptor ({@code (Ljava/lang/String;[I)V}, {@code [Ljava/lang/Object;}). */
    private static void addTypes(String descriptor, Set<String> names) {
        for (int at = 0; at < descriptor.length(); at++) {
            if (descriptor.charAt(at) == 'L') { // outside a class name, every L starts one
                int end = descriptor.indexOf(';', at);
                names.add(descriptor.substring(at + 1, end).replace('/', '.'));
                at = end;
            }
        }
    }
}
