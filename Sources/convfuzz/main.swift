print("convfuzz")
