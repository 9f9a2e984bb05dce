"""A stand-in for llama-cpp-python whose server dies like a library built for the wrong CPU."""
