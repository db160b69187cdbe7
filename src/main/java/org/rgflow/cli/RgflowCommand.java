package org.rgflow.cli;
public class RgflowCommand { public static void main(String[] a) { } }
